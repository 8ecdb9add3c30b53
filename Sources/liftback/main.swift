import LiftbackCLI
LiftbackCommand.main()
