import { Component, type ErrorInfo, type ReactNode } from 'react'

type State = { readonly error: Error | null }

/**
 * A screen that fails to draw says so, instead of leaving the window blank.
 * Nothing is lost by it: every change was stored as it was made.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode; readonly resetKey: string }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidUpdate(previous: { readonly resetKey: string }): void {
    // Moving to another section gives that section a fresh start.
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A screen failed to draw', error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <section role="alert" className="notice">
        <h1>This screen could not be shown</h1>
        <p>Everything saved before this happened is still stored; nothing was changed.</p>
        <p>
          What went wrong: <code>{error.message}</code>
        </p>
        <p>
          Choose another section on the left, or restart WWA Lab. If it happens again, note what you did just before.
        </p>
      </section>
    )
  }
}
