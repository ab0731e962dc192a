import { MODEL_SETS, resolveModel, type ModelChoice } from '../../models';
import { MODEL_ROLES, type ModelRole, type ModelSet } from '../shared/model-spec';

/** What each role does, in the words the Settings list uses. */
export const ROLE_LABELS: Record<ModelRole, string> = {
  asr: 'Speech to text',
  caption: 'Frame captions',
  detect: 'Objects',
  ocr: 'On-screen text',
  textEmbed: 'Search (text)',
  imageEmbed: 'Search (frames)',
  chatLlm: 'Chat without Groq',
  speakerSegment: 'Speakers (who speaks when)',
  speakerEmbed: 'Speakers (telling voices apart)',
};

/** One line of the Settings model list. */
export interface ModelRow {
  role: ModelRole;
  label: string;
  name: string;
  /** The id that will load: the set's, or the user's override. */
  id: string;
  overridden: boolean;
  licence: string;
  /** Approximate download; null for an overridden model, whose size BRI cannot know. */
  approxBytes: number | null;
  /** Ships with the app: nothing to download. */
  bundled: boolean;
  /** The commit this device pinned the model to on its first download, or null (model-pins.ts). */
  pinned: string | null;
}

/** The models a choice loads, one row per role, in pipeline order. */
export function listModels(choice: ModelChoice): ModelRow[] {
  return MODEL_ROLES.map((role) => {
    const model = resolveModel(role, choice);
    const overridden = choice.models[role] !== undefined;
    return {
      role,
      label: ROLE_LABELS[role],
      name: overridden ? model.id : model.name,
      id: model.id,
      overridden,
      licence: overridden ? 'see the model card' : model.licence,
      approxBytes: overridden ? null : model.approxBytes,
      bundled: !!model.bundled && !overridden,
      pinned: model.pinnedFrom ? model.revision : null,
    };
  });
}

/** Approximate first-use download of a set (bundled and optional models excluded). */
export function setDownloadBytes(set: ModelSet): number {
  return Object.values(MODEL_SETS[set])
    .filter((spec) => !spec.bundled && !spec.optional)
    .reduce((sum, spec) => sum + spec.approxBytes, 0);
}
