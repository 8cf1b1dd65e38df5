namespace Arena.Server.Tests; public class Placeholder { [Fact] public void builds() => Assert.True(typeof(Arena.Scoring.FinalDefinition) is not null); }
