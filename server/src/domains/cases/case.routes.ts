import { tableImportRouter } from '../../lib/import-route.js';
import type { Logger } from '../../lib/logger.js';
import { caseTemplate, importCases } from './case.import.js';

/** POST /api/cases/import — a CSV or XLSX of cases handled (办件量); GET …/template.xlsx — the file to fill in. */
export const casesRouter = (logger: Logger) =>
  tableImportRouter(
    {
      path: '/api/cases/import',
      capability: 'manageCases',
      action: 'importCases',
      targetType: 'CaseRecord',
      templateName: 'cases-template.xlsx',
      run: importCases,
      template: caseTemplate,
    },
    logger,
  );
