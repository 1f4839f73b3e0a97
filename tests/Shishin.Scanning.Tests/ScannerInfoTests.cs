namespace Shishin.Scanning.Tests;

public sealed class ScannerInfoTests
{
    [Fact]
    public void UserAgentProduct_IsShishinSlashSemanticVersion() =>
        Assert.Matches(@"^Shishin/\d+\.\d+\.\d+$", ScannerInfo.UserAgentProduct);
}
