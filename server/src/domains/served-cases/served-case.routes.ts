import { tableImportRouter } from '../../lib/import-route.js';
import type { Logger } from '../../lib/logger.js';
import { importServedCases, servedCaseTemplate } from './served-case.import.js';

/** POST /api/served-cases/import — a CSV or XLSX of served cases, one per row; GET …/template.xlsx — the file to fill in. */
export const servedCasesRouter = (logger: Logger) =>
  tableImportRouter(
    {
      path: '/api/served-cases/import',
      capability: 'manageCases',
      action: 'importServedCases',
      targetType: 'ServedCase',
      templateName: 'served-cases-template.xlsx',
      run: importServedCases,
      template: servedCaseTemplate,
    },
    logger,
  );
