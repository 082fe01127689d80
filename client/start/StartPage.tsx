import { useState } from 'react';
import type { CreateBoardResponse } from '../../shared';
import { Layout } from '../app/Layout';
import { CreateBoardForm } from './CreateBoardForm';
import { CreatedBoard } from './CreatedBoard';

/** `/`: create a board, then hand out its three links. */
export function StartPage() {
  const [created, setCreated] = useState<CreateBoardResponse | null>(null);
  return (
    <Layout className="page--start">
      {created ? (
        <CreatedBoard created={created} onCreateAnother={() => setCreated(null)} />
      ) : (
        <CreateBoardForm onCreated={setCreated} />
      )}
    </Layout>
  );
}
