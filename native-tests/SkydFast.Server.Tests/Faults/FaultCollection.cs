namespace SkydFast.Server.Tests.Faults;

/// <summary>
/// The fault tests run on their own, after the others: the kill -9 rounds keep both cores of a CI machine busy for
/// minutes, which would starve the tests elsewhere that depend on timing (an idle timeout against a client talking
/// every 300 ms, for one).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
