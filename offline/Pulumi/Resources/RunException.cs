namespace Pulumi
{
    /// <summary>
    /// Ends a program with a message and no stack trace. A test run throws it for each error the program logged,
    /// built from the logged message alone.
    /// </summary>
    public class RunException : Exception
    {
        public RunException(string message) : base(message)
        {
        }

        public RunException(string message, Exception? innerException) : base(message, innerException)
        {
        }
    }
}
