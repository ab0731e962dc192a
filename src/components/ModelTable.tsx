import { type ModelRow } from '../features/settings';
import { formatBytes } from '../shared/format';
import type { ModelRole } from '../shared/model-spec';

interface ModelTableProps {
  rows: ModelRow[];
  ids: Partial<Record<ModelRole, string>>;
  onIdChange: (role: ModelRole, id: string) => void;
}

function sizeOf(row: ModelRow): string {
  if (row.bundled) return 'ships with BRI';
  return row.approxBytes === null ? 'unknown' : `≈ ${formatBytes(row.approxBytes)}`;
}

/** The model each role uses: name, licence and download size, with an optional id override. */
export function ModelTable({ rows, ids, onIdChange }: ModelTableProps) {
  return (
    <table className="models-table" data-testid="settings.models">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Model</th>
          <th scope="col">Licence</th>
          <th scope="col">Download</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.role} data-testid="settings.model-row" data-role={row.role}>
            <th scope="row">{row.label}</th>
            <td data-label="Model">
              <span className="models-table__name">{row.name}</span>
              {row.pinned && (
                <span
                  className="models-table__pin"
                  title={`These exact weights load on this device: commit ${row.pinned}`}
                  data-testid="settings.model-pin"
                >
                  weights {row.pinned.slice(0, 7)}
                </span>
              )}
              <input
                aria-label={`${row.label}: model id`}
                value={ids[row.role] ?? ''}
                placeholder={row.overridden ? '' : row.id}
                onChange={(event) => onIdChange(row.role, event.target.value)}
                data-testid={`settings.model-id.${row.role}`}
              />
            </td>
            <td data-label="Licence">{row.licence}</td>
            <td data-label="Download">{sizeOf(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
