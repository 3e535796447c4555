namespace Pulumi.Engine
{
    internal enum Severity
    {
        Debug,
        Info,
        Warning,
        Error,
    }

    /// <summary>Where Log.* goes offline: standard error, prefixed with severity and resource; errors fail the run.</summary>
    internal static class DiagnosticSink
    {
        public static void Write(DeploymentRun? run, Severity severity, string message, Resource? resource)
        {
            if (severity == Severity.Debug) return;
            var subject = resource is null ? "" : $"{resource.GetResourceType()} '{resource.GetResourceName()}': ";
            var line = $"{severity.ToString().ToLowerInvariant()}: {subject}{message}";
            run?.AddDiagnostic(severity, message);
            // Tests read diagnostics from the run's result, as with the engine's mock; a program run shows them.
            if (run is null || run.EchoDiagnostics) Console.Error.WriteLine(line);
        }
    }
}
