using System.Net;
using Amazon.Runtime;

namespace Amazon.Offline;

/// <summary>A service's exception for an error code it answered with: its modelled exception, or its common one.</summary>
internal delegate AmazonServiceException AwsErrorFactory(string code, string message, ErrorType type, string requestId, HttpStatusCode status);
