/**
 * BRI's greeting: who she is and what stays private. Once the library has videos it is
 * `compact` — the name and tagline — so a returning person sees their videos first.
 */
export function Welcome({ compact = false }: { compact?: boolean }) {
  return (
    <section
      className={compact ? 'welcome welcome--compact' : 'welcome'}
      aria-labelledby="welcome-title"
    >
      <h1 id="welcome-title" className="welcome__title">
        Hi, I'm BRI{' '}
        <svg className="welcome__heart" viewBox="0 0 24 24" width="36" height="36" aria-hidden>
          <path
            fill="currentColor"
            d="M12 21s-7.5-4.6-9.6-9.2C.9 8.4 3 4.5 6.8 4.5c2.1 0 3.6 1.1 5.2 3 1.6-1.9 3.1-3 5.2-3 3.8 0 5.9 3.9 4.4 7.3C19.5 16.4 12 21 12 21Z"
          />
        </svg>
      </h1>
      <p className="welcome__tagline">Ask. Understand. Remember.</p>
      {!compact && (
        <p className="welcome__text">
          Give me a video and I'll watch it with you — then ask me anything about it. Everything
          stays in this browser: your videos are never uploaded.
        </p>
      )}
    </section>
  );
}
