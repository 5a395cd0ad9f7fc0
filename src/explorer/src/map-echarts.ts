// ECharts as the map needs it (core, map series, tooltip, canvas), set up before anything registers a
// map: registerMap does nothing until the map series has installed its geo support.
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

export { echarts };
