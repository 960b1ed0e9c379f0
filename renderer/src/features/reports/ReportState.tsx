import { Button } from 'react-aria-components';

interface Props {
  loading: boolean;
  error: Error | null;
  hasValue: boolean;
  /** "shift summary", "period report". */
  what: string;
  onRetry: () => void;
}

/** Loading and failure, said once for a report: the figures stay on screen while a newer set loads. */
export function ReportState({ loading, error, hasValue, what, onRetry }: Props) {
  if (error) {
    return (
      <div role="alert" className="banner error row">
        <span>
          The {what} could not be made: {error.message}
        </span>
        <Button className="btn" onPress={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <p role="status" className="muted report-loading">
      {loading ? (hasValue ? `Updating the ${what}…` : `Loading the ${what}…`) : ''}
    </p>
  );
}
