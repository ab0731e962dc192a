/** The types `window.bri`'s contract (src/automation/bri-contract.ts) speaks in. */
export type { Completeness, CompletenessItem } from '../pipeline/completeness-types';
export type { DiagnosticsReport } from '../diagnostics/diagnostics-types';
export type { BriSettings, BriSettingsChange } from '../settings/settings-types';
export type { ToolListing, ToolOutcome } from '../tools/tool-types';
export type { MediaIndex, StageStatus, VideoStatus } from './video-index-types';
