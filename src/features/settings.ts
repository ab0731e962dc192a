/** Settings kept in this browser: Groq, models, what is sent, and the hosts BRI may reach. */
export {
  InvalidSettingsError,
  maskedSettings,
  onSettingsChange,
  readSettings,
  updateSettings,
  type Settings,
} from '../settings/settings';
export {
  DEFAULT_GROQ_MODEL,
  type BriSettings,
  type BriSettingsChange,
} from '../settings/settings-types';
export { listModels, setDownloadBytes, type ModelRow } from '../settings/model-list';
export { updateModels } from '../pipeline/pin-models';
export { describeAgentError } from '../agent/agent-errors';
export { listGroqModels } from '../agent/groq-client';
export { GROQ_BASE_URL } from '../agent/groq-defaults';
export { reloadForNewHosts } from '../pwa/connect-policy';
