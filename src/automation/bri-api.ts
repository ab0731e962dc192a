import { readSettings } from '../settings/settings';
import { askBri, wipeMemory } from '../agent/app-ask';
import { getVideo, listVideos } from '../db';
import { currentDiagnostics } from '../diagnostics/save-report';
import { exportBackup } from '../library/backup/backup-library';
import { exportClip, exportHighlights } from '../library/exports/clips';
import { exportVideo } from '../library/exports/export-video';
import { makeChapters } from '../library/chapters/make-chapters';
import { translateVideo } from '../library/translation/translate-video';
import { deleteVideo, importFile, restoreBackup } from '../library/library-actions';
import { analyseVideo, cancelAnalysis, focusVideo } from '../pipeline/analysis-queue';
import { whenIndexed } from '../pipeline/when-indexed';
import { embedQuery } from '../search/embed-query';
import { maskedSettings, updateSettings } from '../settings/settings';
import type { BriApi } from './bri-contract';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { executeTool, listTools } from '../tools/registry';
import { frameAt, getIndex, status } from './media-api';

/** Installs `window.bri`, the automation API documented in the README. */
export function installBriApi(): void {
  const api: BriApi = {
    version: __APP_VERSION__,
    importVideo: (file, name) => importFile(file, name),
    listVideos: () => listVideos(),
    getVideo: async (id) => (await getVideo(id)) ?? null,
    deleteVideo: (id) => deleteVideo(id),
    status,
    whenIndexed: (id, options) => whenIndexed(id, options?.stages),
    configure: async (options) => maskedSettings(updateSettings(options)),
    analyse: (id, options) => analyseVideo(id, options?.stages),
    cancelAnalysis: (id) => cancelAnalysis(id),
    focusVideo: (id) => focusVideo(id),
    getIndex,
    exportBackup: (ids) => exportBackup(ids),
    export: (id, format, options) => exportVideo(id, format, options),
    translate: (id, language) => translateVideo(id, language),
    makeChapters: async (id) => (await makeChapters(id)).chapters,
    exportClip: (id, start, end) => exportClip(id, start, end),
    exportHighlights: (id, ranges) => exportHighlights(id, ranges),
    importBackup: (file) => restoreBackup(file),
    frameAt,
    embedQuery: async (query, space) => {
      const { vector, ...rest } = await embedQuery(query, space);
      return { ...rest, vector: Array.from(vector) };
    },
    ask: async (videoId, question) => {
      const { answer, citations, invented, toolCalls, suggestions, mode, sent, lookedFirst } =
        await askBri(videoId, question);
      return {
        text: answer,
        citations: citations.map((c) => ({ ...c, confirmed: c.confirmed !== false })),
        invented,
        tool_calls: toolCalls,
        suggestions,
        mode,
        sent: (sent ?? []).map((request) => request.body),
        lookedFirst,
      };
    },
    wipeMemory: (videoId) => wipeMemory(videoId),
    diagnostics: () => currentDiagnostics(readSettings().wasmThreads),
    tools: Object.freeze({
      list: async () => listTools(),
      execute: (name: string, args?: unknown) => executeTool(name, args, APP_TOOL_CONTEXT),
    }),
  };
  window.bri = Object.freeze(api);
}
