namespace Pulumi
{
    /// <summary>Diagnostics reported to the engine; offline they go to standard error, and errors fail the run.</summary>
    public static class Log
    {
        public static void Debug(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null) =>
            Write(Engine.Severity.Debug, message, resource);

        public static void Info(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null) =>
            Write(Engine.Severity.Info, message, resource);

        public static void Warn(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null) =>
            Write(Engine.Severity.Warning, message, resource);

        public static void Error(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null) =>
            Write(Engine.Severity.Error, message, resource);

        public static void Exception(Exception exception, Resource? resource = null, int? streamId = null, bool? ephemeral = null) =>
            Error(exception.ToString(), resource, streamId, ephemeral);

        private static void Write(Engine.Severity severity, string message, Resource? resource) =>
            Engine.DiagnosticSink.Write(Deployment.TryGetCurrentRun(), severity, message, resource);
    }
}
