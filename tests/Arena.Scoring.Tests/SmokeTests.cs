namespace Arena.Scoring.Tests;

public class SmokeTests
{
    [Fact]
    public void a_default_definition_has_no_rounds() => Assert.Empty(new FinalDefinition().Rounds);
}
