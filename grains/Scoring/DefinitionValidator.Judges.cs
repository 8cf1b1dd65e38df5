namespace Arena.Scoring;

public static partial class DefinitionValidator
{
    private static void CheckJudges(FinalDefinition d, HashSet<string> contestantIds, List<ValidationProblem> problems)
    {
        if (d.Judges is not { Count: > 0 })
        {
            problems.Add(new("judges", "The final needs at least one judge."));
            return;
        }
        var rounds = (d.Rounds ?? []).Where(r => r is not null).ToList();
        var panelIds = rounds.SelectMany(r => r.Panels ?? []).Where(p => p is not null).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var audience = rounds.SelectMany(r => r.Panels ?? []).Where(PanelKinds.IsAudience).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Judges.Count; i++)
        {
            var at = $"judges[{i}]";
            if (d.Judges[i] is not { } j)
            {
                problems.Add(new(at, "This judge is empty."));
                continue;
            }
            Ids.Check(problems, $"{at}.id", j.Id, "judge", ids);
            if (!string.IsNullOrEmpty(j.Panel) && !panelIds.Contains(j.Panel))
                problems.Add(new($"{at}.panel", $"Judge '{j.Id}' sits on panel '{j.Panel}', but no round has a panel with that id."));
            else if (audience.Contains(j.Panel ?? ""))
                problems.Add(new($"{at}.panel", $"Judge '{j.Id}' sits on panel '{j.Panel}', which is the audience's: the hall votes there, judges score on another panel."));
            CheckNamedInPanelRounds(j, rounds, at, problems);

            var recusals = j.Recusals ?? [];
            for (var k = 0; k < recusals.Count; k++)
                if (string.IsNullOrEmpty(recusals[k]))
                    problems.Add(new($"{at}.recusals[{k}]", $"Judge '{j.Id}' has an empty recusal; name a contestant id."));
                else if (!contestantIds.Contains(recusals[k]))
                    problems.Add(new($"{at}.recusals[{k}]",
                        $"Judge '{j.Id}' is recused for '{recusals[k]}', who is not a contestant of this final."));
        }
    }

    // A round that names a judge expects that judge's sheets; with panels a sheet belongs to a panel, so a named judge
    // outside the round's panels would be silently left out. (A round naming no one simply takes its panels' judges.)
    private static void CheckNamedInPanelRounds(JudgeDefinition j, List<RoundDefinition> rounds, string at, List<ValidationProblem> problems)
    {
        foreach (var round in rounds)
        {
            if (!Assignments.HasPanels(round) || round.Judges?.Contains(j.Id) != true || Assignments.InRoundPanel(round, j))
                continue;
            var panels = string.Join(", ", round.Panels!.Where(p => p is not null).Select(p => p.Id));
            problems.Add(new($"{at}.panel", string.IsNullOrEmpty(j.Panel)
                ? $"Judge '{j.Id}' scores round '{round.Id}', which has panels ({panels}), but sits on no panel."
                : $"Judge '{j.Id}' scores round '{round.Id}', but sits on panel '{j.Panel}', which is not one of its panels ({panels})."));
        }
    }
}
