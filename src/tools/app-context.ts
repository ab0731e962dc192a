import { resolveModel } from '../../models';
import { db } from '../db';
import { embedQuery } from '../pipeline/embed-query';
import { readSettings } from '../settings/settings';
import { frameUrlCache } from './frame-urls';
import { lookAtFrames } from './look-at-frames';
import { rememberQueries } from './remember-queries';
import type { ToolContext } from './tool';

/** The tools' context in the app: the real database and the model workers. */
export const APP_TOOL_CONTEXT: ToolContext = {
  db,
  embedQuery: rememberQueries(
    async (query, space) => {
      const { model, vector } = await embedQuery(query, space);
      return { model, vector };
    },
    (space) => resolveModel(space === 'text' ? 'textEmbed' : 'imageEmbed', readSettings()).id,
  ),
  lookAt: lookAtFrames,
  resultCache: {
    modelVersion: (roles) => {
      const settings = readSettings();
      return roles
        .map((role) => {
          const model = resolveModel(role, settings);
          return `${role}=${model.id}@${model.revision}`;
        })
        .join(',');
    },
  },
  frameUrl: frameUrlCache(),
};
