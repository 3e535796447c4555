using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>
/// A loopback port that refuses connections: bound but never listening, and held for the test's lifetime so no
/// other test's server can take it (a port freed by a disposed server could be reused in between).
/// </summary>
public sealed class ClosedLoopbackPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedLoopbackPort() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}{path}");

    public void Dispose() => _socket.Dispose();
}
