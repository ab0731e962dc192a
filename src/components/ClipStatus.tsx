import { cancelClip, dismissClip } from '../features/keepsakes';
import { useClipStore } from '../store/clip-store';

/** The clip being cut: its progress and Cancel; then where it went, or why it couldn't be made. */
export function ClipStatus() {
  const job = useClipStore((s) => s.job);
  if (!job) return null;
  return (
    <div
      className="clip-status"
      role={job.state === 'failed' ? 'alert' : 'status'}
      data-testid="clip.status"
      data-state={job.state}
    >
      <span className="clip-status__label">
        {job.state === 'running' ? `Cutting clip ${job.label}…` : `Clip ${job.label}`}
      </span>
      {job.state === 'running' && (
        <progress max={1} value={job.fraction} aria-label="Clip progress" />
      )}
      {job.message && <span className="clip-status__message">{job.message}</span>}
      <button
        type="button"
        className="button button--quiet button--small"
        data-testid={job.state === 'running' ? 'clip.cancel' : 'clip.dismiss'}
        onClick={job.state === 'running' ? cancelClip : dismissClip}
      >
        {job.state === 'running' ? 'Cancel' : 'Close'}
      </button>
    </div>
  );
}

/** How many seconds either side of a moment its clip keeps. */
export function ClipContextInput() {
  const context = useClipStore((s) => s.context);
  return (
    <label className="clip-context">
      Clip context ±
      <input
        type="number"
        min={0}
        max={60}
        step={1}
        value={context}
        data-testid="clip.context"
        onChange={(e) => {
          const value = Number(e.target.value);
          if (Number.isFinite(value) && value >= 0 && value <= 60)
            useClipStore.setState({ context: value });
        }}
      />
      s
    </label>
  );
}
