import { db } from '../db';
import { embedQuery } from '../search/embed-query';
import { lookAtFrames } from './look-at-frames';
import type { ToolContext } from './tool';

/** The tools' context in the app: the real database and the model workers. */
export const APP_TOOL_CONTEXT: ToolContext = {
  db,
  embedQuery: async (query, space) => {
    const { model, vector } = await embedQuery(query, space);
    return { model, vector };
  },
  lookAt: lookAtFrames,
  frameUrl: (blob) => URL.createObjectURL(blob),
};
