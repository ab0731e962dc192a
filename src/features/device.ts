/** This device and this session: device info, diagnostics, the log, caches, app updates. */
export { readDeviceInfo, type DeviceInfo } from '../diagnostics/device-info';
export { cacheFigures, stageTimings } from '../diagnostics/diagnostics-report';
export { currentDiagnostics, downloadDiagnostics } from '../diagnostics/save-report';
export type { DiagnosticsReport } from '../diagnostics/diagnostics-types';
export { logEvent, readLog, subscribeLog, type LogLevel } from '../diagnostics/session-log';
export { clearModelCaches, readCacheUsage, type CacheUsage } from '../pwa/cache-usage';
export { applyUpdate } from '../pwa/register-sw';
