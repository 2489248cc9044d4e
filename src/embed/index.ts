// Public face of `embed/`: configuration (and, later, the iframe host bridge).
export { DEFAULT_CONFIG, loadWidgetConfig, parseConfigFile, readUrlParameters, type ConfigProblem, type WidgetConfig } from './widgetConfig';
