using Infra.Runner;

return await RunnerCli.RunAsync(args, Console.Out, Console.Error);
