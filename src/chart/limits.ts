// Every bound on what a chart may hold, in one place. Helm's own limits come first: a chart Helm
// would refuse is refused, and nothing Helm accepts is.

/** Helm's MaxDecompressedFileSize: it refuses any single chart file larger than this. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Helm's MaxDecompressedChartSize: the most file data it loads from one chart. */
export const MAX_CHART_BYTES = 100 * 1024 * 1024;

/** The most an archive may inflate to: the chart's files plus room for tar headers and padding. */
export const MAX_INFLATED_BYTES = MAX_CHART_BYTES + 64 * 1024 * 1024;

/**
 * The most entries one archive may hold. Helm has no such limit, but tens of thousands of empty
 * entries would cost memory without bringing any data; real charts hold hundreds.
 */
export const MAX_ARCHIVE_ENTRIES = 100_000;

/** PAX and GNU long-name records above this are refused (node-tar's own default). */
export const MAX_TAR_META_BYTES = 1024 * 1024;
