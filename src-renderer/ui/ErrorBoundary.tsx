import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the children once they throw, with the error's message. */
  fallback(message: string): ReactNode;
  children: ReactNode;
}

/** Keeps one failing panel from taking the whole window down with it. */
export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.message === null
      ? this.props.children
      : this.props.fallback(this.state.message);
  }
}
