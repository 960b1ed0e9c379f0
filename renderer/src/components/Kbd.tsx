/** A visible shortcut hint: `<Keys combo="Ctrl+Enter" />` renders each key as a key cap. */
export function Keys({ combo }: { combo: string }) {
  const keys = combo.split('+');
  return (
    <span className="keys" aria-label={`shortcut ${combo}`}>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}
