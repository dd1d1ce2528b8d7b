using SkydFast.Persistence.Tests.Files;

// The runtime looks for a type named exactly StartupHook in no namespace (DOTNET_STARTUP_HOOKS); the crash test
// starts this assembly with it so the child runs the real persistence code without a separate project.
#pragma warning disable CA1050 // Declare types in namespaces: the runtime requires the global namespace here.
internal static class StartupHook
#pragma warning restore CA1050
{
    /// <summary>In the crash test's child process: flushes until killed. Anywhere else (the test host loads this
    /// assembly without the variable): returns at once.</summary>
    public static void Initialize()
    {
        var dataDir = Environment.GetEnvironmentVariable(CrashConsistencyTests.ChildVariable);
        if (dataDir is not null)
        {
            CrashConsistencyTests.RunChild(dataDir);
        }
    }
}
