package org.emrkit.batch;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * The archive and QC pipeline's options, as Beam reads them from the command line
 * ({@code --records=DIR --templates=DIR --out=DIR --formats=pdf,cda --runner=FlinkRunner}).
 * Paths are anything Beam's file systems read: local directories, or {@code hdfs://},
 * {@code gs://} with the runner's file system on the class path.
 */
public interface BatchOptions extends PipelineOptions {

  @Description("Records: a directory of record JSON (*.json) and JSON Lines (*.jsonl) files, or a glob")
  @Validation.Required
  String getRecords();

  void setRecords(String value);

  @Description("Templates: a directory of EMR Markdown (*.emr.md) and template JSON (*.json)")
  @Validation.Required
  String getTemplates();

  void setTemplates(String value);

  @Description("Output directory: archive/, manifest.jsonl, dead-letters.jsonl, qc-report.json/.html")
  @Validation.Required
  String getOut();

  void setOut(String value);

  @Description("What to write per record, comma-separated: pdf (PDF/A-2b), docx, cda, fhir; "
      + "none for validation only")
  @Default.String("pdf")
  String getFormats();

  void setFormats(String value);

  @Description("The time the time-limit rules count to (ISO-8601 instant); default: now")
  @Default.String("")
  String getNow();

  void setNow(String value);

  @Description("Stop the run with an error after this many records (0: never): to rehearse "
      + "resuming an interrupted run")
  @Default.Integer(0)
  int getStopAfter();

  void setStopAfter(int value);
}
