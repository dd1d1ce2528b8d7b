return await SkydFast.Host.ServerHost.RunAsync(args);
