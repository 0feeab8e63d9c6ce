import type { Dashboard } from '@em/contract';
import { STATUS_LABELS } from '@em/domain';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import { count } from '../format';
import { dossierListPath } from './dossierListPath';

/** Dossiers each agent holds, per status; every number opens those dossiers. */
export function WorkloadTable({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.workload.length === 0) {
    return <Typography color="text.secondary">Aucun dossier en cours n’est affecté à un agent.</Typography>;
  }
  return (
    // Scrolls inside its card on a phone rather than widening the whole page.
    <TableContainer sx={{ width: 0, minWidth: '100%' }}>
      <Table size="small" aria-label="Charge de chaque agent">
        <TableHead>
          <TableRow>
            <TableCell>Agent</TableCell>
            {dashboard.workload_statuses.map((status) => (
              <TableCell key={status} align="right">
                {STATUS_LABELS[status]}
              </TableCell>
            ))}
            <TableCell align="right">Total</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {dashboard.workload.map((row) => (
            <TableRow key={row.assignee_id}>
              <TableCell component="th" scope="row">
                {row.full_name}
              </TableCell>
              {dashboard.workload_statuses.map((status) => {
                const assigned = row.counts[status] ?? 0;
                return (
                  <TableCell key={status} align="right">
                    {assigned ? <Link to={dossierListPath({ assignee_id: row.assignee_id, status })}>{count(assigned)}</Link> : '0'}
                  </TableCell>
                );
              })}
              <TableCell align="right">
                <Link to={dossierListPath({ assignee_id: row.assignee_id, status: dashboard.workload_statuses })}>{count(row.total)}</Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
