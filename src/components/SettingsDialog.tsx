import {
  DEFAULT_GROQ_MODEL,
  InvalidSettingsError,
  listModels,
  readSettings,
  reloadForNewHosts,
  setDownloadBytes,
  updateModels,
  updateSettings,
} from '../features/settings';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatBytes } from '../shared/format';
import {
  MODEL_ROLES,
  type BackendChoice,
  type ModelRole,
  type ModelSet,
} from '../shared/model-spec';

import { DeviceSettings, StorageSettings } from './StorageAndDevice';
import { measureAgain } from '../shared/backend-memory';
import { GroqSettings, groqKeyChange, savedGroqFields, type GroqFields } from './GroqSettings';
import { ModelTable } from './ModelTable';
import { AgentToolsSetting } from './AgentToolsSetting';

const SET_LABELS: Record<ModelSet, string> = {
  fast: 'Fast — smaller models, quick on any laptop',
  accurate: 'Accurate — bigger models, better words and captions',
};

/** Settings: which models analyse videos, where they download from, and auto-analysis. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [initial] = useState(readSettings);
  const [modelSet, setModelSet] = useState(initial.modelSet);
  const [baseUrl, setBaseUrl] = useState(initial.modelBaseUrl ?? '');
  const [ids, setIds] = useState<Partial<Record<ModelRole, string>>>(initial.models);
  const [autoAnalyse, setAutoAnalyse] = useState(initial.autoAnalyse);
  const [agentTools, setAgentTools] = useState(initial.agentTools);
  const [backend, setBackend] = useState(initial.backend);
  const [remeasure, setRemeasure] = useState(false);
  const [updated, setUpdated] = useState<number | null>(null);
  const [groq, setGroq] = useState<GroqFields>(() => savedGroqFields(initial));
  const [error, setError] = useState<string | null>(null);
  const [reloadPending, setReloadPending] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const models = Object.fromEntries(
    MODEL_ROLES.flatMap((role) => (ids[role]?.trim() ? [[role, ids[role].trim()]] : [])),
  );
  const save = (event: FormEvent) => {
    event.preventDefault();
    try {
      updateSettings({
        modelSet,
        modelBaseUrl: baseUrl.trim() || null,
        models,
        autoAnalyse,
        backend,
        ...groqKeyChange(groq),
        groqBaseUrl: groq.baseUrl.trim() || null,
        groqModel: groq.model.trim() || DEFAULT_GROQ_MODEL,
        localChat: groq.localChat,
        shareWithGroq: groq.share,
        agentTools,
      });
      // A host the page's connection policy doesn't name yet needs a reload to be reachable.
      const reload = reloadForNewHosts();
      if (reload === 'not-needed') onClose();
      if (reload === 'after-imports') setReloadPending(true);
    } catch (caught) {
      if (!(caught instanceof InvalidSettingsError)) throw caught;
      setError(caught.message);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="settings-title"
      data-testid="settings.dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={save} noValidate>
        <h2 id="settings-title">Settings</h2>
        <GroqSettings value={groq} saved={savedGroqFields(initial)} onChange={setGroq} />
        <AgentToolsSetting value={agentTools} onChange={setAgentTools} />
        <label className="settings__check">
          <input
            type="checkbox"
            checked={autoAnalyse}
            onChange={(event) => setAutoAnalyse(event.target.checked)}
            data-testid="settings.auto-analyse"
          />
          Analyse videos as soon as they are added
        </label>
        <StorageSettings onLeave={onClose} />
        {/* What most people never need: model choices, where they run, self-hosting. */}
        <details className="settings__advanced" data-testid="settings.advanced-panel">
          <summary data-testid="settings.advanced">
            Advanced: models, this device, self-hosting
          </summary>
          <fieldset className="settings__sets">
            <legend>Models</legend>
            {(['fast', 'accurate'] as const).map((set) => (
              <label key={set}>
                <input
                  type="radio"
                  name="model-set"
                  value={set}
                  checked={modelSet === set}
                  onChange={() => setModelSet(set)}
                  data-testid={`settings.set-${set}`}
                />
                {SET_LABELS[set]} (about {formatBytes(setDownloadBytes(set))} on first use)
              </label>
            ))}
          </fieldset>
          <ModelTable
            rows={listModels({ modelSet, modelBaseUrl: baseUrl || null, models })}
            ids={ids}
            onIdChange={(role, id) => setIds((current) => ({ ...current, [role]: id }))}
          />
          <label className="settings__field">
            Model base URL (empty: the Hugging Face Hub)
            <input
              type="url"
              value={baseUrl}
              placeholder="https://models.example.org/"
              onChange={(event) => setBaseUrl(event.target.value)}
              data-testid="settings.base-url"
            />
          </label>
          <label className="settings__field">
            Where models run
            <select
              value={backend}
              onChange={(event) => setBackend(event.target.value as BackendChoice)}
              data-testid="settings.backend"
            >
              <option value="auto">
                Automatic: for each model the faster of the GPU (WebGPU) and the CPU, timed on this
                device
              </option>
              <option value="webgpu">The GPU (WebGPU) whenever the browser offers it</option>
              <option value="wasm">The CPU (WebAssembly)</option>
            </select>
          </label>
          <p className="settings__note">
            {remeasure
              ? 'Each model will be timed again on its next use, on every adapter this browser offers (a software one too).'
              : 'On a real GPU, each model is timed on both once, on first use; the results are under This device.'}{' '}
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={remeasure}
              onClick={() => {
                measureAgain();
                setRemeasure(true);
              }}
              data-testid="settings.backend-measure"
            >
              Measure again
            </button>
          </p>
          <p className="settings__note">
            Models download once into this browser and are reused offline; each loads the exact
            weights it was first downloaded as (shown above). A change applies to the next analysis;
            results already stored keep the model that made them.{' '}
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={updated !== null}
              onClick={() => void updateModels(readSettings()).then((files) => setUpdated(files))}
              data-testid="settings.update-models"
            >
              Update models
            </button>
            {updated !== null && (
              <span role="status" data-testid="settings.models-updated">
                {' '}
                Done: the newest weights download on the next analysis ({updated} old files
                removed).
              </span>
            )}
          </p>
          <DeviceSettings />
        </details>
        {error && (
          <p className="settings__error" role="alert" data-testid="settings.error">
            {error}
          </p>
        )}
        {reloadPending && (
          <p className="settings__note" role="status" data-testid="settings.reload-pending">
            Saved. BRI reloads to reach the new address as soon as the video being imported is in —
            nothing is lost. You can close this meanwhile.
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" data-testid="settings.save">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
