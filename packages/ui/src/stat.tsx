export function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="ho-stat">
      <div className="ho-stat-value">{value}</div>
      <div className="ho-stat-label">{label}</div>
    </div>
  );
}
