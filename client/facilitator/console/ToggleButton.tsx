interface Props {
  pressed: boolean;
  label: string;
  /** The state in words beside the switch ("On"/"Off"), so it is not told by colour alone. */
  stateText: string;
  onToggle: () => void;
  disabled?: boolean;
  describedBy?: string;
}

/** A toggle as a button with aria-pressed: one name, its state announced by screen readers. */
export function ToggleButton({ pressed, label, stateText, onToggle, disabled, describedBy }: Props) {
  return (
    <button
      type="button"
      className={`toggle${pressed ? ' toggle--on' : ''}`}
      aria-pressed={pressed}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={onToggle}
    >
      <span className="toggle__track" aria-hidden="true">
        <span className="toggle__thumb" />
      </span>
      <span className="toggle__label">{label}</span>
      <span className="toggle__state" aria-hidden="true">
        {stateText}
      </span>
    </button>
  );
}
