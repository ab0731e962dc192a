import type { Locator, Page } from '@playwright/test';

/**
 * Every part of the screen a spec touches, by what it is (`on(page).chat.send`), so the test ids
 * (`chat.send`) live here and in the components, never in a spec. `on(locator)` finds the parts
 * inside that locator (a card, a message): `on(library.card(name)).library.open`.
 */
type Root = Page | Locator;

/** The app shell: the update prompt. */
class AppParts {
  constructor(private readonly root: Root) {}

  get update(): Locator {
    return this.root.getByTestId('app.update');
  }

  /** "Skip to content", the first Tab stop of every screen. */
  get skip(): Locator {
    return this.root.getByTestId('app.skip');
  }
}

/** The chapter list beside the timeline. */
class ChaptersParts {
  constructor(private readonly root: Root) {}

  get chapter(): Locator {
    return this.root.getByTestId('chapters.chapter');
  }

  get make(): Locator {
    return this.root.getByTestId('chapters.make');
  }

  get note(): Locator {
    return this.root.getByTestId('chapters.note');
  }
}

/** The chat: its messages, citations, controls and what was sent. */
class ChatParts {
  constructor(private readonly root: Root) {}

  get citation(): Locator {
    return this.root.getByTestId('chat.citation');
  }

  /** In the library chat: the name of the video a citation is from. */
  get citationVideo(): Locator {
    return this.root.getByTestId('chat.citation-video');
  }

  /** Who speaks at a cited moment, where speakers were told apart. */
  get citationSpeaker(): Locator {
    return this.root.getByTestId('chat.citation-speaker');
  }

  get citationClip(): Locator {
    return this.root.getByTestId('chat.citation.clip');
  }

  get error(): Locator {
    return this.root.getByTestId('chat.error');
  }

  get highlights(): Locator {
    return this.root.getByTestId('chat.highlights');
  }

  get historyItem(): Locator {
    return this.root.getByTestId('chat.history-item');
  }

  get input(): Locator {
    return this.root.getByTestId('chat.input');
  }

  get message(): Locator {
    return this.root.getByTestId('chat.message');
  }

  get pending(): Locator {
    return this.root.getByTestId('chat.pending');
  }

  get retry(): Locator {
    return this.root.getByTestId('chat.retry');
  }

  get send(): Locator {
    return this.root.getByTestId('chat.send');
  }

  get sent(): Locator {
    return this.root.getByTestId('chat.sent');
  }

  get sentBody(): Locator {
    return this.root.getByTestId('chat.sent-body');
  }

  get stillProcessing(): Locator {
    return this.root.getByTestId('chat.still-processing');
  }

  get stop(): Locator {
    return this.root.getByTestId('chat.stop');
  }

  get suggestion(): Locator {
    return this.root.getByTestId('chat.suggestion');
  }

  get unconfirmed(): Locator {
    return this.root.getByTestId('chat.unconfirmed');
  }

  get wipe(): Locator {
    return this.root.getByTestId('chat.wipe');
  }
}

/** Saving a clip: its progress and context. */
class ClipParts {
  constructor(private readonly root: Root) {}

  get context(): Locator {
    return this.root.getByTestId('clip.context');
  }

  get status(): Locator {
    return this.root.getByTestId('clip.status');
  }
}

/** Device facts in Settings and Diagnostics. */
class DeviceParts {
  constructor(private readonly root: Root) {}

  get info(): Locator {
    return this.root.getByTestId('device.info');
  }

  get race(): Locator {
    return this.root.getByTestId('device.race');
  }

  get threads(): Locator {
    return this.root.getByTestId('device.threads');
  }
}

/** The Diagnostics page: timings, the log export, what was sent to Groq. */
class DiagnosticsParts {
  constructor(private readonly root: Root) {}

  get agents(): Locator {
    return this.root.getByTestId('diagnostics.agents');
  }

  get agentCall(): Locator {
    return this.root.getByTestId('diagnostics.agent-call');
  }

  get agentTool(): Locator {
    return this.root.getByTestId('diagnostics.agent-tool');
  }

  get agentArgs(): Locator {
    return this.root.getByTestId('diagnostics.agent-args');
  }

  get agentBytes(): Locator {
    return this.root.getByTestId('diagnostics.agent-bytes');
  }

  get page(): Locator {
    return this.root.getByTestId('diagnostics.page');
  }

  get export(): Locator {
    return this.root.getByTestId('diagnostics.export');
  }

  get sent(): Locator {
    return this.root.getByTestId('diagnostics.sent');
  }

  get sentBody(): Locator {
    return this.root.getByTestId('diagnostics.sent-body');
  }

  get sentBytes(): Locator {
    return this.root.getByTestId('diagnostics.sent-bytes');
  }

  get sentEntry(): Locator {
    return this.root.getByTestId('diagnostics.sent-entry');
  }

  get sentPurpose(): Locator {
    return this.root.getByTestId('diagnostics.sent-purpose');
  }

  get timings(): Locator {
    return this.root.getByTestId('diagnostics.timings');
  }
}

/** The error boundary. */
class ErrorParts {
  constructor(private readonly root: Root) {}

  get boundary(): Locator {
    return this.root.getByTestId('error.boundary');
  }
}

/** The user guide (`#/help`) and the header's link to it. */
class HelpParts {
  constructor(private readonly root: Root) {}

  get open(): Locator {
    return this.root.getByTestId('help.open');
  }

  get page(): Locator {
    return this.root.getByTestId('help.page');
  }

  /** The guide's contents: one link per section. */
  get contents(): Locator {
    return this.root.getByRole('navigation', { name: 'Help contents' }).getByRole('link');
  }
}

/** The library screen: cards, search, imports. */
class LibraryParts {
  constructor(private readonly root: Root) {}

  get backup(): Locator {
    return this.root.getByTestId('library.backup');
  }

  get badge(): Locator {
    return this.root.getByTestId('library.badge');
  }

  get card(): Locator {
    return this.root.getByTestId('library.card');
  }

  get delete(): Locator {
    return this.root.getByTestId('library.delete');
  }

  get deleteConfirm(): Locator {
    return this.root.getByTestId('library.delete-confirm');
  }

  get dimensions(): Locator {
    return this.root.getByTestId('library.dimensions');
  }

  get duration(): Locator {
    return this.root.getByTestId('library.duration');
  }

  get error(): Locator {
    return this.root.getByTestId('library.error');
  }

  get fileInput(): Locator {
    return this.root.getByTestId('library.file-input');
  }

  /** The empty library's link to the user guide. */
  get help(): Locator {
    return this.root.getByTestId('library.help');
  }

  get hit(): Locator {
    return this.root.getByTestId('library.hit');
  }

  get rename(): Locator {
    return this.root.getByTestId('library.rename');
  }

  /** A card's poster: pressing it opens the video too. */
  get poster(): Locator {
    return this.root.getByTestId('library.poster');
  }

  /** The "Search inside videos" box (what is said, seen or written), and its button. */
  get searchInsideInput(): Locator {
    return this.root.getByTestId('library.search-inside-input');
  }

  get searchInside(): Locator {
    return this.root.getByTestId('library.search-inside');
  }

  get renameInput(): Locator {
    return this.root.getByTestId('library.rename-input');
  }

  get renameSave(): Locator {
    return this.root.getByTestId('library.rename-save');
  }

  /** The undo strip's Undo, for a video just deleted. */
  get undo(): Locator {
    return this.root.getByTestId('library.undo');
  }

  get importing(): Locator {
    return this.root.getByTestId('library.importing');
  }

  get open(): Locator {
    return this.root.getByTestId('library.open');
  }

  get search(): Locator {
    return this.root.getByTestId('library.search');
  }
}

/** The video player. */
class PlayerParts {
  constructor(private readonly root: Root) {}

  get unplayable(): Locator {
    return this.root.getByTestId('player.unplayable');
  }

  get video(): Locator {
    return this.root.getByTestId('player.video');
  }
}

/** The Settings dialog. */
class SettingsParts {
  constructor(private readonly root: Root) {}

  get agentTools(): Locator {
    return this.root.getByTestId('settings.agent-tools');
  }

  get agents(): Locator {
    return this.root.getByTestId('settings.agents');
  }

  /** "Advanced: models, this device, self-hosting": press it to open that part. */
  get advanced(): Locator {
    return this.root.getByTestId('settings.advanced');
  }

  get autoAnalyse(): Locator {
    return this.root.getByTestId('settings.auto-analyse');
  }

  get backend(): Locator {
    return this.root.getByTestId('settings.backend');
  }

  get backendMeasure(): Locator {
    return this.root.getByTestId('settings.backend-measure');
  }

  get baseUrl(): Locator {
    return this.root.getByTestId('settings.base-url');
  }

  get clearModels(): Locator {
    return this.root.getByTestId('settings.clear-models');
  }

  get diagnostics(): Locator {
    return this.root.getByTestId('settings.diagnostics');
  }

  get dialog(): Locator {
    return this.root.getByTestId('settings.dialog');
  }

  get error(): Locator {
    return this.root.getByTestId('settings.error');
  }

  get groqBaseUrl(): Locator {
    return this.root.getByTestId('settings.groq-base-url');
  }

  get groqKey(): Locator {
    return this.root.getByTestId('settings.groq-key');
  }

  get groqKeyLeft(): Locator {
    return this.root.getByTestId('settings.groq-key-left');
  }

  get groqModel(): Locator {
    return this.root.getByTestId('settings.groq-model');
  }

  get groqStatus(): Locator {
    return this.root.getByTestId('settings.groq-status');
  }

  get groqTest(): Locator {
    return this.root.getByTestId('settings.groq-test');
  }

  get modelCache(): Locator {
    return this.root.getByTestId('settings.model-cache');
  }

  get modelIdDetect(): Locator {
    return this.root.getByTestId('settings.model-id.detect');
  }

  get modelRow(): Locator {
    return this.root.getByTestId('settings.model-row');
  }

  /** The model list's row for one role (`asr`, `detect`…). */
  modelRowFor(role: string): Locator {
    return this.root.locator(`[data-testid="settings.model-row"][data-role="${role}"]`);
  }

  get open(): Locator {
    return this.root.getByTestId('settings.open');
  }

  get save(): Locator {
    return this.root.getByTestId('settings.save');
  }

  get setAccurate(): Locator {
    return this.root.getByTestId('settings.set-accurate');
  }

  get setFast(): Locator {
    return this.root.getByTestId('settings.set-fast');
  }

  get shareFileNames(): Locator {
    return this.root.getByTestId('settings.share-fileNames');
  }

  get shareTranscript(): Locator {
    return this.root.getByTestId('settings.share-transcript');
  }
}

/** The speakers told apart in a video (transcript tab): names, Rename, suggested names. */
class SpeakersParts {
  constructor(private readonly root: Root) {}

  get panel(): Locator {
    return this.root.getByTestId('speakers.panel');
  }

  get row(): Locator {
    return this.root.getByTestId('speakers.row');
  }

  /** One speaker's row by number (1, 2, … as BRI numbers them). */
  rowOf(speaker: number): Locator {
    return this.root.locator(`[data-testid="speakers.row"][data-speaker="${speaker}"]`);
  }

  get name(): Locator {
    return this.root.getByTestId('speakers.name');
  }

  get rename(): Locator {
    return this.root.getByTestId('speakers.rename');
  }

  get nameInput(): Locator {
    return this.root.getByTestId('speakers.name-input');
  }

  get save(): Locator {
    return this.root.getByTestId('speakers.save');
  }

  get suggestion(): Locator {
    return this.root.getByTestId('speakers.suggestion');
  }

  get accept(): Locator {
    return this.root.getByTestId('speakers.accept');
  }

  get dismiss(): Locator {
    return this.root.getByTestId('speakers.dismiss');
  }
}

/** The timeline under the player. */
class TimelineParts {
  constructor(private readonly root: Root) {}

  get block(): Locator {
    return this.root.getByTestId('timeline.block');
  }

  /** The blocks of one lane (`data-lane`: objects, text, chapters, a speaker…). */
  blocksIn(lane: string): Locator {
    return this.root.locator(`[data-lane="${lane}"] [data-testid="timeline.block"]`);
  }

  /** The title of each lane, in order (Scenes, Speech, a speaker's name…). */
  get laneTitle(): Locator {
    return this.root.getByTestId('timeline.lane-title');
  }

  get saveClip(): Locator {
    return this.root.getByTestId('timeline.save-clip');
  }

  get selected(): Locator {
    return this.root.getByTestId('timeline.selected');
  }
}

/** The transcript tab. */
class TranscriptParts {
  constructor(private readonly root: Root) {}

  /** The name that opens each speaker's turn. */
  get turn(): Locator {
    return this.root.getByTestId('transcript.turn');
  }

  get language(): Locator {
    return this.root.getByTestId('transcript.language');
  }

  get search(): Locator {
    return this.root.getByTestId('transcript.search');
  }

  get segment(): Locator {
    return this.root.getByTestId('transcript.segment');
  }

  get translate(): Locator {
    return this.root.getByTestId('transcript.translate');
  }

  /** Without a Groq key: what Translate needs. */
  get needsKey(): Locator {
    return this.root.getByTestId('transcript.needs-key');
  }

  get translateInto(): Locator {
    return this.root.getByTestId('transcript.translate-into');
  }

  get translationNote(): Locator {
    return this.root.getByTestId('transcript.translation-note');
  }

  get wordCurrent(): Locator {
    return this.root.getByTestId('transcript.word-current');
  }
}

/** A video's own view: status, tabs, exports. */
class VideoParts {
  constructor(private readonly root: Root) {}

  get back(): Locator {
    return this.root.getByTestId('video.back');
  }

  get eta(): Locator {
    return this.root.getByTestId('video.eta');
  }

  get exportSrt(): Locator {
    return this.root.getByTestId('video.export.srt');
  }

  get exportSrtTranslated(): Locator {
    return this.root.getByTestId('video.export.srt.translated');
  }

  get exports(): Locator {
    return this.root.getByTestId('video.exports');
  }

  get status(): Locator {
    return this.root.getByTestId('video.status');
  }

  get tabChat(): Locator {
    return this.root.getByTestId('video.tab.chat');
  }

  get tabTranscript(): Locator {
    return this.root.getByTestId('video.tab.transcript');
  }

  get timeline(): Locator {
    return this.root.getByTestId('video.timeline');
  }

  get view(): Locator {
    return this.root.getByTestId('video.view');
  }
}

/** The parts of the screen inside `root` (the whole page, or one locator of it). */
export function on(root: Root) {
  return {
    app: new AppParts(root),

    chapters: new ChaptersParts(root),

    chat: new ChatParts(root),

    clip: new ClipParts(root),

    device: new DeviceParts(root),

    diagnostics: new DiagnosticsParts(root),

    error: new ErrorParts(root),
    help: new HelpParts(root),

    library: new LibraryParts(root),

    player: new PlayerParts(root),

    settings: new SettingsParts(root),

    speakers: new SpeakersParts(root),

    timeline: new TimelineParts(root),

    transcript: new TranscriptParts(root),

    video: new VideoParts(root),
  };
}
