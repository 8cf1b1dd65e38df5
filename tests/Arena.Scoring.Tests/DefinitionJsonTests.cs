namespace Arena.Scoring.Tests;

public class DefinitionJsonTests
{
    private static string Design(string find, string replace)
    {
        Assert.Contains(find, WorkedExampleTests.Json);
        return WorkedExampleTests.Json.Replace(find, replace);
    }

    public static TheoryData<string, string, string, string> WrongJson => new()
    {
        { "a word where a number goes", Design("\"weight\": 0.3", "\"weight\": \"heavy\""), "rounds[1].weight", "must be a number" },
        { "a fraction where a whole number goes", Design("\"dropHighest\": 1", "\"dropHighest\": 1.5"), "rounds[0].aggregation.dropHighest", "must be a whole number" },
        { "a number where text goes", Design("\"title\": \"内容\"", "\"title\": 5"), "rounds[0].criteria[0].title", "must be text" },
        { "an object where a list goes", Design("\"recusals\": [\"c3\"]", "\"recusals\": {}"), "judges[0].recusals", "must be a list" },
        { "text where an object goes", Design("\"rounding\": { \"decimals\": 2, \"mode\": \"half-up\" }", "\"rounding\": \"2\""), "rounding", "must be an object" },
        { "a word where true or false goes", Design("\"chief\": true", "\"chief\": \"yes\""), "judges[0].chief", "must be true or false" },
        { "a list of words where judges go", """{ "id": "x", "judges": ["j1"] }""", "judges[0]", "must be an object" },
        { "a list instead of a definition", "[]", "", "must be an object" },
        { "a missing comma", Design("\"weight\": 0.7,", "\"weight\": 0.7"), "rounds[0]", "not valid JSON at line 7" },
        { "a cut-off file", WorkedExampleTests.Json[..200], "rounds[0].criteria[0]", "not valid JSON" },
        { "not JSON at all", "id: x", "", "not valid JSON at line 1, column 1" },
    };

    [Theory, MemberData(nameof(WrongJson))]
    public void malformed_or_mistyped_json_gives_one_problem_at_its_path(string @case, string json, string path, string message)
    {
        _ = @case;
        var (definition, problems) = DefinitionJson.Parse(json);

        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    public void an_empty_definition_is_a_problem_not_an_exception(string json)
    {
        var (definition, problems) = DefinitionJson.Parse(json);

        Assert.Null(definition);
        Assert.Equal("", Assert.Single(problems).Path);
    }

    [Fact]
    public void an_invalid_definition_gives_its_validation_problems_and_no_definition()
    {
        var (definition, problems) = DefinitionJson.Parse(Design("\"weight\": 0.3", "\"weight\": 0"));

        Assert.Null(definition);
        Assert.Equal("rounds[1].weight", Assert.Single(problems).Path);
    }

    [Fact]
    public void a_definition_survives_writing_and_reading_back()
    {
        var original = DefinitionJson.Parse(WorkedExampleTests.Json).Definition!;

        var json = DefinitionJson.Serialize(original);
        var (again, problems) = DefinitionJson.Parse(json);

        Assert.Empty(problems);
        Assert.Equal(json, DefinitionJson.Serialize(again!));
        Assert.Contains("\"dropHighest\":1", json);
        Assert.Contains("主题演讲", json);
        Assert.DoesNotContain("null", json);
    }

    [Fact]
    public void numbers_in_quotes_property_names_in_any_case_comments_and_trailing_commas_are_read()
    {
        var json = Design("\"weight\": 0.7,", "\"Weight\": \"0.7\", // seventy per cent\n")
            .Replace("\"order\": 3 }", "\"order\": 3, }");

        var (definition, problems) = DefinitionJson.Parse(json);

        Assert.Empty(problems);
        Assert.Equal(0.7m, definition!.Rounds[0].Weight);
    }

    [Fact]
    public void decimals_are_read_exactly()
    {
        var (definition, _) = DefinitionJson.Parse(Design("\"weight\": 0.3", "\"weight\": 0.3000000000000000000000000001"));

        Assert.Equal(0.3000000000000000000000000001m, definition!.Rounds[1].Weight);
    }

    [Fact]
    public void the_shared_options_cannot_be_changed_by_a_caller()
    {
        Assert.True(DefinitionJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => DefinitionJson.Options.WriteIndented = true);
    }
}
