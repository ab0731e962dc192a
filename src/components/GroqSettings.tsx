import {
  GROQ_BASE_URL,
  describeAgentError,
  listGroqModels,
  type Settings,
} from '../features/settings';
import { useState } from 'react';
import { KIND_NAMES, SHARED_KINDS, type ShareWithGroq } from '../shared/share-with-groq';

export interface GroqFields {
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Word the no-key answers with the local chat model. */
  localChat: boolean;
  /** What of a video's content may go to Groq, per kind. */
  share: ShareWithGroq;
  /** The person typed in the key field (a key carried over from the saved host is not sent anew). */
  keyEdited: boolean;
}

/** The fields as saved: the key shown is the saved one, untouched. */
export function savedGroqFields(settings: Settings): GroqFields {
  return {
    apiKey: settings.groqApiKey ?? '',
    baseUrl: settings.groqBaseUrl ?? '',
    model: settings.groqModel,
    localChat: settings.localChat,
    share: settings.shareWithGroq,
    keyEdited: false,
  };
}

/**
 * The change Save makes to the key: a key the person typed goes for the host in the form; the
 * saved key is never sent along to a new host — without a new key the settings drop it
 * (updateSettings), so the next question asks for one.
 */
export function groqKeyChange(fields: GroqFields): { groqApiKey?: string | null } {
  return fields.keyEdited ? { groqApiKey: fields.apiKey.trim() || null } : {};
}

/** The chat's Groq connection in Settings: the person's key, where it goes, and a test. */
export function GroqSettings({
  value,
  saved,
  onChange,
}: {
  value: GroqFields;
  /** The settings as saved: the host the saved key was given for. */
  saved: GroqFields;
  onChange: (value: GroqFields) => void;
}) {
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const [models, setModels] = useState<string[]>([]);
  const endpoint = value.baseUrl.trim() || GROQ_BASE_URL;
  const newHost = value.baseUrl.trim() !== saved.baseUrl.trim();
  const keyLeftBehind = newHost && !value.keyEdited && !!saved.apiKey;
  // The saved key stays with its host: moving to another shows an empty field to fill in.
  const setBaseUrl = (baseUrl: string) => {
    const back = baseUrl.trim() === saved.baseUrl.trim();
    const apiKey = value.keyEdited ? value.apiKey : back ? saved.apiKey : '';
    onChange({ ...value, baseUrl, apiKey });
  };

  const testKey = () => {
    setTest({ ok: true, text: 'Testing…' });
    listGroqModels({ apiKey: value.apiKey.trim(), baseUrl: endpoint })
      .then((ids) => {
        setModels(ids);
        setTest({ ok: true, text: `The key works: ${ids.length} models available.` });
      })
      .catch((error: unknown) => setTest({ ok: false, text: describeAgentError(error).message }));
  };

  return (
    <fieldset className="settings__groq">
      <legend>Chat (Groq)</legend>
      <p className="settings__note">
        BRI answers with Groq using your own API key (free at console.groq.com). The key stays in
        this browser and is sent only to {endpoint}, with your questions and what the tools found;
        the video itself never leaves this device. Without a key, BRI still answers from the tools,
        more simply.
      </p>
      <label className="settings__field">
        API key
        <input
          type="password"
          autoComplete="off"
          value={value.apiKey}
          placeholder="gsk_…"
          onChange={(event) => onChange({ ...value, apiKey: event.target.value, keyEdited: true })}
          aria-describedby={keyLeftBehind ? 'groq-key-left' : undefined}
          data-testid="settings.groq-key"
        />
      </label>
      {keyLeftBehind && (
        <p id="groq-key-left" className="settings__note" data-testid="settings.groq-key-left">
          Your saved key stays with {saved.baseUrl.trim() || GROQ_BASE_URL}: enter the key for{' '}
          {endpoint} to use it.
        </p>
      )}
      <label className="settings__field">
        Model
        <input
          list="groq-models"
          value={value.model}
          onChange={(event) => onChange({ ...value, model: event.target.value })}
          data-testid="settings.groq-model"
        />
        <datalist id="groq-models">
          {models.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label className="settings__field">
        Groq base URL (empty: {GROQ_BASE_URL})
        <input
          type="url"
          value={value.baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          data-testid="settings.groq-base-url"
        />
      </label>
      <button
        type="button"
        className="button button--quiet"
        disabled={!value.apiKey.trim()}
        onClick={testKey}
        data-testid="settings.groq-test"
      >
        Test key
      </button>
      <label className="settings__check">
        <input
          type="checkbox"
          checked={value.localChat}
          onChange={(event) => onChange({ ...value, localChat: event.target.checked })}
          data-testid="settings.local-chat"
        />
        Without a Groq key, write answers with a small model on this device (a 500 MB download the
        first time; quick with WebGPU, slow without)
      </label>
      <fieldset className="settings__share" data-testid="settings.share">
        <legend>Send to Groq (and to browser agents) with the tools’ results</legend>
        {SHARED_KINDS.map((kind) => (
          <label key={kind} className="settings__check">
            <input
              type="checkbox"
              checked={value.share[kind]}
              onChange={(event) =>
                onChange({ ...value, share: { ...value.share, [kind]: event.target.checked } })
              }
              data-testid={`settings.share-${kind}`}
            />
            {KIND_NAMES[kind]}
          </label>
        ))}
        <p className="settings__note">
          What is switched off stays on this device: the tools still search it, and the answer says
          what was kept back. Each answer’s “What was sent” shows exactly what left.
        </p>
      </fieldset>
      {test && (
        <p
          className={test.ok ? 'settings__note' : 'settings__error'}
          role="status"
          data-testid="settings.groq-status"
        >
          {test.text}
        </p>
      )}
    </fieldset>
  );
}
