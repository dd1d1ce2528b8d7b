namespace SkydFast.Persistence.Tests;

public sealed class PersistenceInfoTests
{
    [Fact]
    public void FormatIsCyanstore1A() => Assert.Equal("Cyanstore 1A", PersistenceInfo.Format);
}
