import { askBri, wipeMemory } from '../features/chat';
import { listAgentTools, runAgentTool } from '../features/agent-tools';
import { analyseVideo, cancelAnalysis, focusVideo, whenIndexed } from '../features/analysis';
import { currentDiagnostics } from '../features/device';
import {
  exportClip,
  exportHighlights,
  exportVideo,
  makeChapters,
  translateVideo,
} from '../features/keepsakes';
import {
  deleteVideo,
  exportBackup,
  getVideo,
  importFile,
  listVideos,
  restoreBackup,
} from '../features/library';
import { embedQuery } from '../features/search';
import { maskedSettings, readSettings, updateSettings } from '../features/settings';
import { frameAt, getIndex, renameSpeaker, status } from '../features/video-view';
import type { BriApi } from './bri-contract';

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
    renameSpeaker: async (id, speaker, name) => {
      await renameSpeaker(id, speaker, name);
    },
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
      list: async () => listAgentTools(),
      execute: (name: string, args?: unknown) => runAgentTool(name, args),
    }),
  };
  window.bri = Object.freeze(api);
}
