import { browserHasAgents } from '../features/agents';

/** Settings: whether the AI agents in this browser may use BRI's tools (WebMCP). */
export function AgentToolsSetting({
  value,
  onChange,
}: {
  value: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <fieldset className="settings__agents" data-testid="settings.agents">
      <legend>AI agents in this browser</legend>
      <label className="settings__check">
        <input
          type="checkbox"
          checked={value}
          onChange={(event) => onChange(event.target.checked)}
          data-testid="settings.agent-tools"
        />
        Let AI agents in this browser use BRI’s tools
      </label>
      <p className="settings__note">
        An agent may send what it reads — transcript lines, captions, on-screen text, frames — to
        its own model provider. The switches under “Send to Groq” govern what agents get too, and
        Diagnostics lists every call.{' '}
        {browserHasAgents()
          ? ''
          : 'This browser doesn’t offer tools to agents yet (WebMCP); the switch takes effect in one that does.'}
      </p>
    </fieldset>
  );
}
