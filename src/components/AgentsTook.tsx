import { readAgentCalls, subscribeAgentCalls } from '../features/agents';
import { useSyncExternalStore } from 'react';
import { formatBytes } from '../shared/format';

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour12: false });

/**
 * Diagnostics' ledger of what the AI agents in this browser took through BRI's tools in this
 * session: each call's time, tool, arguments and the bytes it returned — never the result.
 */
export function AgentsTook() {
  const calls = useSyncExternalStore(subscribeAgentCalls, readAgentCalls);
  const total = calls.reduce((sum, call) => sum + call.bytes, 0);
  return (
    <section aria-labelledby="diag-agents" data-testid="diagnostics.agents">
      <h2 id="diag-agents">What agents took</h2>
      {calls.length === 0 ? (
        <p>No AI agent in this browser has called BRI’s tools in this session.</p>
      ) : (
        <>
          <p>
            {calls.length} {calls.length === 1 ? 'call' : 'calls'} in this session,{' '}
            {formatBytes(total)} returned in all.
          </p>
          <table className="diagnostics__table diagnostics__agents">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Tool</th>
                <th scope="col">Arguments</th>
                <th scope="col">Bytes returned</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call, i) => (
                <tr key={`${call.at}-${i}`} data-testid="diagnostics.agent-call">
                  <td className="diagnostics__time">{time(call.at)}</td>
                  <td data-testid="diagnostics.agent-tool">{call.tool}</td>
                  <td>
                    <code data-testid="diagnostics.agent-args">{call.args}</code>
                  </td>
                  <td data-testid="diagnostics.agent-bytes">
                    {call.bytes.toLocaleString('en')}
                    {call.failed ? ' (error)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
