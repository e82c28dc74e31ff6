// ECharts, registered piecemeal: only the charts and parts the dashboards use get bundled.
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { VChart };
export const LEVEL_COLORS = ['#16a34a', '#65a30d', '#ca8a04', '#ea580c', '#dc2626'];
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
