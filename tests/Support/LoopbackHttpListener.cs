using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

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

    /// <summary>
    /// Answers one AWS Query request (a form-encoded body) with XML: the form goes to <paramref name="record"/>, then
    /// to <paramref name="answer"/> for the status and body.
    /// </summary>
    public static async Task AnswerQueryAsync(
        HttpListenerContext context, Action<IReadOnlyDictionary<string, string>> record, Func<Dictionary<string, string>, (int Status, string Body)> answer)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var query = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
        var form = query.AllKeys.OfType<string>().ToDictionary(k => k, k => query[k]!);
        record(form);
        var (status, body) = answer(form);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
