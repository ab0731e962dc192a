import { addVideo, briOf, expect, test } from './fixtures';
import { FIXTURE_MODELS } from './support/library-page';

test('a missing or corrupt detector gets a specific message; the other stages still finish; PaddleOCR comes with the app', async ({
  page,
  library,
}) => {
  // The media stages and the detector with its model missing (text, which follows objects, must
  // still run), then the detector alone with a corrupt model. That the rest of the pipeline, the
  // search index included, finishes around failed model stages is fixture-models.spec's part.
  test.setTimeout(300_000);
  // The model folder (a self-hosted base URL, as in every test) has no ppocr-v4/ here: on-screen
  // text must come from the app's own copy of PaddleOCR, never from there.
  const askedForOcr: string[] = [];
  await page.context().route('**/ppocr-v4/**', async (route) => {
    askedForOcr.push(route.request().url());
    await route.fulfill({ status: 404, body: 'not here' });
  });
  await library.open({ autoAnalyse: false });
  const cases = [
    {
      model: 'yolox-nano/missing.onnx',
      message: /“missing\.onnx” is missing at .*HTTP 404/,
      stages: ['frames', 'speech', 'objects', 'text'] as const,
    },
    {
      model: 'yolox-nano/SOURCE.md',
      message: /not a model onnxruntime can load.*corrupt/,
      stages: ['objects'] as const,
    },
  ];
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  for (const { model, message, stages } of cases) {
    await test.step(model, async () => {
      await briOf(page).configure({ models: { ...FIXTURE_MODELS, detect: model } });
      const status = await library.analyse(id, [...stages]);
      for (const stage of ['frames', 'speech', 'text'] as const)
        expect(status.stages[stage].state, stage).toBe('done');
      expect(status.stages.objects.state).toBe('failed');
      expect(status.stages.objects.detail).toMatch(message);
      await expect(library.card('jfk_bus_zidane.mp4')).toContainText(message);
    });
  }
  expect(askedForOcr).toEqual([]);
});
