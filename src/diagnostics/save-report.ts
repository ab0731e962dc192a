import { saveBlob } from '../storage/save-blob';
import { buildDiagnosticsReport, type DiagnosticsReport } from './diagnostics-report';
import { readDeviceInfo } from './device-info';

/** This session's diagnostics, with the device read now (`threadSetting`: Settings' WASM threads). */
export async function currentDiagnostics(
  threadSetting: 'auto' | number,
): Promise<DiagnosticsReport> {
  return buildDiagnosticsReport(await readDeviceInfo(threadSetting));
}

/** Downloads this session's diagnostics as `bri-diagnostics-<date>.json`. */
export async function downloadDiagnostics(threadSetting: 'auto' | number): Promise<void> {
  const report = await currentDiagnostics(threadSetting);
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  saveBlob(blob, `bri-diagnostics-${report.exportedAt.slice(0, 19).replace(/:/g, '-')}.json`);
}
