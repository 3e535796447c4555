using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>An <see cref="HttpListener"/> on 127.0.0.1 and a port the OS picked, for the fakes of AWS services.</summary>
internal static class LoopbackHttpListener
{
    public static (HttpListener Listener, int Port) Start()
    {
        // HttpListener needs a port up front: take one the OS frees for us, and try again in the rare race.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Hands each request to <paramref name="answer"/> until the listener closes; a client that went away is skipped.</summary>
    public static async Task ServeAsync(HttpListener listener, Func<HttpListenerContext, Task> answer)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await answer(context);
            }
            catch (HttpListenerException)
            {
                // The client went away; the next request is still served.
            }
        }
    }

    /// <summary>Closes the listener and waits for <see cref="ServeAsync"/> to end.</summary>
    public static void Stop(HttpListener listener, Task serving)
    {
        listener.Close();
        try
        {
            serving.GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
