import { useState } from 'react';
import type { CreateBoardResponse } from '../../shared';
import { Layout } from '../app/Layout';
import { CreateBoardForm } from './CreateBoardForm';
import { CreatedBoard } from './CreatedBoard';
import { MyBoards } from './MyBoards';
import { StartIntro } from './StartIntro';

/** `/`: create a board, then hand out its three links; and the boards this device already holds. */
export function StartPage() {
  const [created, setCreated] = useState<CreateBoardResponse | null>(null);
  return (
    <Layout className="page--start">
      {created ? (
        <CreatedBoard created={created} onCreateAnother={() => setCreated(null)} />
      ) : (
        <div className="start">
          <StartIntro />
          <MyBoards />
          <CreateBoardForm onCreated={setCreated} />
        </div>
      )}
    </Layout>
  );
}
