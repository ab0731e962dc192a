import { logEvent } from '../features/device';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../shared/error-message';

interface Props {
  /** What this part of the page is, for the message: "the chat", "“clip.mp4”". */
  label: string;
  children: ReactNode;
  /** Ways out besides Try again (Delete the video, Back to the library…). */
  actions?: ReactNode;
}

/**
 * One bad row can't blank the app: a part of the page that fails to render shows what failed and
 * a way out, and the rest of the page keeps working. The failure goes to the session's log.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(errorMessage(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    logEvent({
      level: 'error',
      component: 'app',
      message: `${this.props.label} could not be shown: ${errorMessage(error)}`,
      data: { where: (info.componentStack ?? '').trim().split('\n')[0] ?? '' },
    });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="card__error" role="alert" data-testid="error.boundary">
        <p>
          Something in {this.props.label} could not be shown ({error.message}). The rest of BRI
          still works.
        </p>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>{' '}
        {this.props.actions}
      </div>
    );
  }
}
