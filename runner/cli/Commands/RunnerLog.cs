using Infra.Runner.Rollout;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Infra.Runner.Commands;

/// <summary>The runner's Serilog setup: human lines by default, one JSON object per line with --log-json.</summary>
public static class RunnerLog
{
    private const string HumanTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    public static Logger Create(TextWriter output, bool json)
    {
        ITextFormatter formatter = json
            ? new JsonFormatter(renderMessage: true)
            : new MessageTemplateTextFormatter(HumanTemplate, System.Globalization.CultureInfo.InvariantCulture);
        return new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(new TextWriterSink(output, formatter)).CreateLogger();
    }

    /// <summary>A progress line at every poll: step, weight, time left and alarm states; while waiting for the new colors, their task counts.</summary>
    public static IProgress<RolloutProgress> Progress(ILogger logger) => new ProgressLogger(logger);

    private sealed class ProgressLogger(ILogger logger) : IProgress<RolloutProgress>
    {
        public void Report(RolloutProgress value)
        {
            if (value.Readiness is { } readiness)
            {
                logger.Information("{RolloutId:l} {Phase:l}: {Readiness:l}; {TimeLeft:l} left",
                    value.RolloutId, value.Phase.ToString(), readiness, value.TimeLeft.ToString(@"hh\:mm\:ss"));
                return;
            }

            Bake(value);
        }

        private void Bake(RolloutProgress value) => logger.Information(
            "{RolloutId:l} {Phase:l} step {Step}/{StepCount}: {Percent}% on the new color, {TimeLeft:l} left; alarms: {Alarms:l}",
            value.RolloutId, value.Phase.ToString(), value.StepNumber, value.StepCount, value.Percent, value.TimeLeft.ToString(@"hh\:mm\:ss"),
            value.AlarmStates.Count == 0
                ? "none"
                : string.Join(", ", value.AlarmStates.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.CloudWatchName()}")));
    }

    /// <summary>Writes to the command's output writer (the console, or a test's StringWriter), one event at a time.</summary>
    private sealed class TextWriterSink(TextWriter output, ITextFormatter formatter) : ILogEventSink
    {
        private readonly object gate = new();

        public void Emit(LogEvent logEvent)
        {
            lock (gate)
            {
                formatter.Format(logEvent, output);
                output.Flush();
            }
        }
    }
}
